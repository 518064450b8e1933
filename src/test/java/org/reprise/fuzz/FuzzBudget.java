package org.reprise.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Scales the fuzz budget from the command line; by default every property runs its annotated tries with its fixed
 * seed, so {@code make test} is deterministic and short. A longer session:
 * <pre>
 * mvn -B -o test -Dtest='*Fuzz*' -Dreprise.fuzz.scale=50                  # 50 times the tries, same seeds
 * mvn -B -o test -Dtest='*Fuzz*' -Dreprise.fuzz.scale=50 -Dreprise.fuzz.seed=random   # new seeds each run
 * mvn -B -o test -Dtest='*Fuzz*' -Dreprise.fuzz.seed=12345                # one given seed for every property
 * </pre>
 * A failing run prints the seed and the shrunk sample; rerun that seed to reproduce it.
 */
public final class FuzzBudget implements AroundPropertyHook {
    /** System property: multiply every property's tries by this whole number. */
    public static final String SCALE = "reprise.fuzz.scale";
    /** System property: "random" for fresh seeds, or a seed (a long) for every property. */
    public static final String SEED = "reprise.fuzz.seed";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyAttributes a = context.attributes();
        int scale = Integer.getInteger(SCALE, 1);
        if (scale > 1 && a.tries().orElse(1000) > 1) {
            a.setTries(a.tries().orElse(1000) * scale);
        }
        String seed = System.getProperty(SEED, "").trim();
        if (seed.equalsIgnoreCase("random")) {
            a.setSeed(Long.toString(new java.security.SecureRandom().nextLong()));
        } else if (!seed.isEmpty()) {
            a.setSeed(seed);
        }
        return property.execute();
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS; // registered on a test class, applies to each of its properties
    }

    @Override
    public int aroundPropertyProximity() {
        return -100; // outside jqwik's own hooks, so the attributes are set before the property starts
    }
}
