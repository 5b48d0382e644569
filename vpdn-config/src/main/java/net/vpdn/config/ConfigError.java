package net.vpdn.config;

/**
 * One problem found in a configuration.
 *
 * @param file    where the offending value came from: the file path, {@code environment VPDN__...} or
 *                {@code --set}
 * @param key     dotted key with list indexes, in the form {@code --set} accepts
 *                (e.g. {@code vpdn-groups.0.initiate-to.1.port})
 * @param problem what is wrong, in words an operator can act on; never contains a secret
 */
public record ConfigError(String file, String key, String problem) {
    /** {@code file: key: problem}, the line printed when a process refuses to start. */
    @Override
    public String toString() {
        return file + ": " + key + ": " + problem;
    }
}
