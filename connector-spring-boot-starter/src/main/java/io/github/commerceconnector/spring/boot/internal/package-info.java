/** How the starter turns its properties into a client; not public API. */
package io.github.commerceconnector.spring.boot.internal;
