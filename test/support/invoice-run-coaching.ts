/** A drafted answer about a slow invoice run, and its question: what the LLM critique tests send. */
export const INVOICE_QUESTION = "Tell me about a time you improved a slow process.";
export const INVOICE_ANSWER =
  "At Acme Freight our invoice run took all night. I owned billing, so I profiled the job, found a query that scanned every shipment, and added an index. The run now finishes in 40 minutes.";

/** The coaching a well-behaved model returns for that answer, with the improved answer given. */
export function invoiceRunCoaching(improvedAnswer: string) {
  return {
    parts: {
      situation: { feedback: "Clear context: the overnight invoice run." },
      task: { feedback: "You say you owned billing: good." },
      action: { feedback: "Specific steps; add why the index was the right fix." },
      result: { feedback: "40 minutes is concrete; say what it was before." },
      lesson: { feedback: "Not required for this question." },
    },
    strengths: ["Specific actions in the first person"],
    improvements: ["Give the old run time next to the new one."],
    followUps: ["How did you know the index was safe to add in production?"],
    improvedAnswer,
  };
}
