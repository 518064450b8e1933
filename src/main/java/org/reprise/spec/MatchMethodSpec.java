package org.reprise.spec;

/**
 * One matching method ({@code methods:} entry). Defaults: k 1, with replacement, no caliper, kernel normal with
 * bandwidth 0.06, data order (without replacement). {@code ties} adds psmatch2's {@code ties}.
 *
 * @param id          name in results.json and tables (e.g. nn1)
 * @param label       row label (e.g. "Nearest neighbour 1:1"); empty = a standard label
 * @param method      nearest, radius, kernel or llr
 * @param k           neighbours (nearest)
 * @param replacement false: each control used once (nearest)
 * @param caliper     nearest: |Δ| &lt; caliper; radius: |Δ| ≤ caliper
 * @param kernel      kernel function (kernel: default normal; llr: default epanechnikov, psmatch2's)
 * @param bandwidth   kernel bandwidth (kernel, llr)
 * @param ties        psmatch2's ties option (nearest)
 * @param order       order without replacement
 */
public record MatchMethodSpec(String id, String label, MatchKind method, Integer k, Boolean replacement, Double caliper,
                              KernelKind kernel, Double bandwidth, Boolean ties, MatchOrder order) {
    public MatchMethodSpec {
        label = Immutable.text(label);
        k = k == null ? 1 : k;
        replacement = replacement == null || replacement;
        // psmatch2's default kernel for llr is Epanechnikov (for kernel matching Reprise keeps the paper's normal)
        kernel = kernel == null ? (method == MatchKind.LLR ? KernelKind.EPANECHNIKOV : KernelKind.NORMAL) : kernel;
        bandwidth = bandwidth == null ? 0.06 : bandwidth;
        ties = ties != null && ties;
        order = order == null ? MatchOrder.DATA : order;
    }
}
