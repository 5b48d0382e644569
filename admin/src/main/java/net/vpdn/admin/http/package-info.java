/** Netty adapter of the admin API: routing (pure), dispatch to the model, and the channel handler. */
package net.vpdn.admin.http;
