package io.kbguide.engine;

/** A step a plan rule asks for, with the reason it applies here (or null when the step says enough). */
public record PlanItem(String stepId, Explanation reason) {
}
