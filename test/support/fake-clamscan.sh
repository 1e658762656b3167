#!/usr/bin/env bash
# A stand-in for ClamAV's clamscan in the tests: called the same way as the portal calls it (clamscan --no-summary -,
# the content on standard input) and answering with the same exit statuses: 0 clean, 1 infected, 2 error. "Infected"
# means the content holds the marker of the EICAR anti-virus test file; FAKE-SCANNER-BREAKS makes it fail like a
# scanner without its signatures, FAKE-SCANNER-HANGS makes it hang (for the timeout). Like clamscan it reads all of
# its input, and it writes no file.
set -u
if [ "$#" -ne 2 ] || [ "$1" != "--no-summary" ] || [ "$2" != "-" ]; then
  echo "ERROR: expected the arguments --no-summary -, got: $*" >&2
  exit 2
fi
found=$(grep -a -o -m 1 -E 'FAKE-SCANNER-BREAKS|FAKE-SCANNER-HANGS|EICAR-STANDARD-ANTIVIRUS-TEST-FILE' | head -n 1)
cat >/dev/null
case "$found" in
  FAKE-SCANNER-BREAKS)
    echo "LibClamAV Error: cli_loaddbdir(): No supported database files found" >&2
    exit 2
    ;;
  FAKE-SCANNER-HANGS)
    exec sleep 30
    ;;
  EICAR-STANDARD-ANTIVIRUS-TEST-FILE)
    echo "stdin: Eicar-Test-Signature FOUND"
    exit 1
    ;;
esac
echo "stdin: OK"
exit 0
