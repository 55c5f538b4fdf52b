/**
 * Synthetic registry exports for examples and tests: documented, seeded simulations written in the
 * format of real exports so that they go through the same reader as a user's file.
 */
package io.survkit.data.synthetic;
