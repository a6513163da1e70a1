//! Timed runs for the benchmarks that are not criterion's (a run takes a second or more):
//! p50, p95 and max in milliseconds, one line per measurement.

use std::time::{Duration, Instant};

pub fn heading() {
    println!("{:<52} {:>10} {:>10} {:>10}", "ms", "p50", "p95", "max");
}

pub fn timed(name: &str, runs: usize, mut run: impl FnMut()) {
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .collect();
    report(name, times);
}

/// Prints times measured elsewhere (when a run has a part that is not the figure).
pub fn report(name: &str, mut times: Vec<Duration>) {
    let runs = times.len();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p95 = times[(runs * 95).div_ceil(100) - 1];
    println!("{name:<52} {:>10.1} {:>10.1} {:>10.1}", ms(times[runs / 2]), ms(p95), ms(times[runs - 1]));
}
