/**
 * A simulated CLDS 2014/2016 panel calibrated to the paper's Tables 1 and 3, with the true programme effects.
 * {@link org.reprise.simulate.Simulator} generates it from a seed and writes data/clds_sim.csv and data/truth.json;
 * data/README.md documents the data-generating process and how to swap in the licensed extract.
 */
package org.reprise.simulate;
