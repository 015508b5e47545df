// The learner's answer to a lesson's check, shared by the Narration panel (which grades it) and the
// Timeline (which hides the future of the access asked about until the prediction is graded: issue 22 —
// at lesson 3's prediction the Timeline already showed the split and merge of that very access). One
// answer per lesson: opening another lesson starts a fresh one.
import { create } from 'zustand';

export interface CheckAnswer {
  lesson: string | null;
  chosen: string | null;
  /** Graded: by Reveal, or by Next step (with or without a pick). */
  revealed: boolean;
}

interface CheckStore extends CheckAnswer {
  set(answer: CheckAnswer): void;
}

export const useCheckAnswer = create<CheckStore>((set) => ({
  lesson: null,
  chosen: null,
  revealed: false,
  set: (answer) => set(answer),
}));

/** The answer for `lesson` (a fresh one if the stored answer is another lesson's). */
export function answerFor(a: CheckAnswer, lesson: string): CheckAnswer {
  return a.lesson === lesson ? a : { lesson, chosen: null, revealed: false };
}
