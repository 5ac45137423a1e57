package io.kbguide.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log: one JSON line per diagnosis given. */
@ConfigMapping(prefix = "kbguide.audit")
public interface AuditConfig {

    /** Whether the audit line is written. */
    @WithDefault("true")
    boolean enabled();

    /** Whether the words each fact was read from are in it (off: they may hold customer data). */
    @WithDefault("false")
    boolean includeText();
}
