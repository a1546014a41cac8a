/* peak_flops.c - this machine's floating-point peak, measured: `threads`
 * threads each run independent chains of fused multiply-adds on the widest
 * float vectors the compiler targets (-march=native), and the total rate is
 * printed in GFLOP/s (2 per multiply-add per lane). tools/bench builds and
 * runs it; it is not part of the library. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#if defined(__AVX512F__)
#include <immintrin.h>
typedef __m512 vec;
#define LANES 16
#define FMA(a, b, c) _mm512_fmadd_ps(a, b, c)
#define SET1(x) _mm512_set1_ps(x)
static float hsum(vec v) { return _mm512_reduce_add_ps(v); }
#elif defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
typedef __m256 vec;
#define LANES 8
#define FMA(a, b, c) _mm256_fmadd_ps(a, b, c)
#define SET1(x) _mm256_set1_ps(x)
static float hsum(vec v) { float f[8]; _mm256_storeu_ps(f, v); return f[0] + f[7]; }
#elif defined(__ARM_NEON)
#include <arm_neon.h>
typedef float32x4_t vec;
#define LANES 4
#define FMA(a, b, c) vfmaq_f32(c, a, b)
#define SET1(x) vdupq_n_f32(x)
static float hsum(vec v) { return vaddvq_f32(v); }
#else
#error "no FMA vector extension to measure"
#endif

enum { CHAINS = 12, ITERATIONS = 100000000 / CHAINS };

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Twelve independent chains, written out so that they stay in registers
 * (an array of accumulators is kept in memory by some compilers). */
static void *run(void *out) {
  vec a = SET1(0.999999f), b = SET1(1e-7f);
  vec c0 = SET1(0), c1 = SET1(1), c2 = SET1(2), c3 = SET1(3), c4 = SET1(4), c5 = SET1(5);
  vec c6 = SET1(6), c7 = SET1(7), c8 = SET1(8), c9 = SET1(9), c10 = SET1(10), c11 = SET1(11);
  for (long i = 0; i < ITERATIONS; ++i) {
    c0 = FMA(c0, a, b); c1 = FMA(c1, a, b); c2 = FMA(c2, a, b); c3 = FMA(c3, a, b);
    c4 = FMA(c4, a, b); c5 = FMA(c5, a, b); c6 = FMA(c6, a, b); c7 = FMA(c7, a, b);
    c8 = FMA(c8, a, b); c9 = FMA(c9, a, b); c10 = FMA(c10, a, b); c11 = FMA(c11, a, b);
  }
  *(float *)out = hsum(c0) + hsum(c1) + hsum(c2) + hsum(c3) + hsum(c4) + hsum(c5) + hsum(c6) +
                  hsum(c7) + hsum(c8) + hsum(c9) + hsum(c10) + hsum(c11);
  return NULL;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  if (threads < 1 || threads > 256)
    return 2;
  pthread_t ids[256];
  float sums[256];
  double best = 0;
  for (int round = 0; round < 3; ++round) {
    double start = now();
    for (int t = 0; t < threads; ++t)
      pthread_create(&ids[t], NULL, run, &sums[t]);
    for (int t = 0; t < threads; ++t)
      pthread_join(ids[t], NULL);
    double flops = 2.0 * LANES * CHAINS * (double)ITERATIONS * threads;
    double rate = flops / (now() - start) / 1e9;
    if (rate > best)
      best = rate;
  }
  printf("%.1f\n", best);
  return sums[0] == 12345.0f; /* keeps the sums alive */
}
