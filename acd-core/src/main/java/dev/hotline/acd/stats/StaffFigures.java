package dev.hotline.acd.stats;

/**
 * The figures of a skill group or of one agent.
 *
 * @param answers   calls answered by the agent, or answered through the group ({@code CallAnswered.group()}), with
 *                  their talk and wrap-up
 * @param offers    offers made to the agent, or through the group ({@code AssignmentReason.group()}), and those the
 *                  agent missed
 * @param agentTime how the agent (or the group's member agents) spent logged-in time, whatever queue the calls came
 *                  from
 */
public record StaffFigures(AnswerFigures answers, OfferFigures offers, AgentTimeFigures agentTime) {
}
