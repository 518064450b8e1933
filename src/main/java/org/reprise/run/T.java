package org.reprise.run;
final class T { static final long T0 = System.nanoTime(); static void p(String s){ if (System.getenv("RT")!=null) System.err.printf("T %7.3f cpu %7.3f %s%n", (System.nanoTime()-T0)/1e9, java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()/1e9, s);} }
