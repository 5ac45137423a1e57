package io.kbguide.diagnosis;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The stateless diagnosis. */
@ConfigMapping(prefix = "kbguide.diagnosis")
public interface DiagnosisConfig {

    /**
     * Memory kept for diagnoses that leave answers missing, already written as JSON, by article and combination of
     * facts (the same facts always give the same bytes); the least used are dropped past it. 0 turns the cache off.
     * Fact sets that settle everything are not kept here: each article's answer table holds them all.
     */
    @WithDefault("4M")
    MemorySize jsonCacheSize();
}
