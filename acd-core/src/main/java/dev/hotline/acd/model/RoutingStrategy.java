package dev.hotline.acd.model;

/** How a queue picks one agent among the idle agents eligible for a call. */
public enum RoutingStrategy {
    /** The agent who has been idle the longest (the default: it spreads the work fairly). */
    LONGEST_IDLE,
    /** Agents in turn: the one offered a call least recently goes next. */
    ROUND_ROBIN,
    /** The agent who has answered the fewest calls since logging in. */
    FEWEST_CALLS,
    /** The agent with the least talk time since logging in. */
    LEAST_TALK_TIME,
    /** A fixed order: agents in the order they are configured. */
    LINEAR,
    /** A random idle agent, from the engine's seeded random source (repeatable). */
    RANDOM,
    /** The highest skill level in the eligible group first; among equals, the longest idle. */
    SKILL_LEVEL
}
