#include <stdio.h>
int main(void) { puts("2 3 5"); return 0; }
