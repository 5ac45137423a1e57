package io.kbguide;

import io.kbguide.kb.KbPreload;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The packaged service's entry point: starts reading the kb, then Quarkus, side by side. */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        KbPreload.start();
        Quarkus.run(args);
    }
}
