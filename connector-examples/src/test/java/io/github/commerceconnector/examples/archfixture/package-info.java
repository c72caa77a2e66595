/**
 * Classes that break each architecture rule on purpose, laid out like the real modules under another root
 * package, so that {@code ArchitectureTest} can show that every rule fails when it should.
 */
package io.github.commerceconnector.examples.archfixture;
