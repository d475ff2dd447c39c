//! Benches live in benches/benches.

/// A small deterministic generator (64-bit LCG, high bits), so every run benches the same data. (The
/// aging and affordability benches still carry their own copy; they can use this one.)
#[derive(Debug, Clone)]
pub struct Lcg(pub u64);

impl Lcg {
    /// The next value in `0..bound` (`bound` above zero).
    pub fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound.max(1)
    }
}
