/**
 * The centre's configuration as the routing engine sees it: immutable values, already validated by whoever built
 * them (the server's config loader). Names follow the call-centre domain: dialled numbers route to business types,
 * business types to queues, queues are served by skill groups of agents.
 */
package dev.hotline.acd.model;
