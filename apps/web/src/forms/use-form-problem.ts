import { useState } from 'react';

/**
 * The problem a form's last submit ran into, shown above the form. `attempt` counts the submits that failed: used as
 * the alert's key, a repeated identical problem is announced again.
 */
export function useFormProblem<P = string>() {
  const [problem, setProblem] = useState<P | null>(null);
  const [attempt, setAttempt] = useState(0);
  return {
    problem,
    attempt,
    clear: () => setProblem(null),
    show: (next: P | null) => {
      setProblem(next);
      setAttempt((n) => n + 1);
    },
  };
}
