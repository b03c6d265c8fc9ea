/**
 * The simulator: the real routing engine in virtual time, fed synthetic callers and agents. {@link
 * dev.hotline.server.simulation.CentreSimulation} runs a configured centre under a {@link
 * dev.hotline.server.simulation.TrafficProfile} (read from a traffic file by {@link
 * dev.hotline.server.simulation.TrafficFile}, or built in code as by {@link
 * dev.hotline.server.simulation.SingleQueueScenario}); the figures come from the statistics listener it is given.
 * See docs/simulation.md.
 */
package dev.hotline.server.simulation;
