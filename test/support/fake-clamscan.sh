#!/usr/bin/env bash
# A stand-in for ClamAV's clamscan in the tests: called the same way (clamscan --no-summary FILE) and answering with
# the same exit statuses: 0 clean, 1 infected, 2 error. "Infected" means the file contains the marker of the EICAR
# anti-virus test file; FAKE-SCANNER-BREAKS makes it fail like a scanner without its signatures, FAKE-SCANNER-HANGS
# makes it hang (for the timeout).
set -u
file="${*: -1}"
if [ "${1:-}" != "--no-summary" ] || [ ! -r "$file" ]; then
  echo "ERROR: Can't access file $file" >&2
  exit 2
fi
if grep -q 'FAKE-SCANNER-BREAKS' "$file"; then
  echo "LibClamAV Error: cli_loaddbdir(): No supported database files found" >&2
  exit 2
fi
if grep -q 'FAKE-SCANNER-HANGS' "$file"; then
  exec sleep 30
fi
if grep -q 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE' "$file"; then
  echo "$file: Eicar-Test-Signature FOUND"
  exit 1
fi
echo "$file: OK"
exit 0
