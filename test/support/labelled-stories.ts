// Short stories labelled Situation/Task/Action/Result with no title: the bodies of headingless and divided banks.

/** Cutting CI time: the figures are 48 and 19 minutes. */
export const CI_STORY = `Situation: Our CI pipeline took 48 minutes and engineers merged without waiting for it.
Task: I set out to get it under 20 minutes without dropping tests.
Action: I profiled every job and split the integration suite across 8 runners.
Result: CI went from 48 to 19 minutes.`;

/** Mentoring a new grad: 40+ review comments per PR down to 5. */
export const GRAD_STORY = `Situation: A new grad on my team had 40+ review comments per PR.
Task: My lead asked me to help her ramp up within a quarter.
Action: I paired with her twice a week and wrote a review checklist with her.
Result: By the end of the quarter her PRs averaged 5 comments.`;
