/* primes N: print the first N primes and a checksum of them. */
#include <stdio.h>
#include <stdlib.h>

static int is_prime(unsigned long n) {
    if (n < 2) return 0;
    for (unsigned long d = 2; d * d <= n; d++)
        if (n % d == 0) return 0;
    return 1;
}

int main(int argc, char **argv) {
    long want = argc > 1 ? strtol(argv[1], NULL, 10) : 10;
    if (want < 1) {
        fprintf(stderr, "usage: primes N (N >= 1)\n");
        return 2;
    }
    unsigned long sum = 0;
    long found = 0;
    for (unsigned long n = 2; found < want; n++) {
        if (!is_prime(n)) continue;
        printf("%lu%c", n, ++found == want ? '\n' : ' ');
        sum = sum * 31 + n;
    }
    printf("checksum %lu\n", sum);
    return 0;
}
