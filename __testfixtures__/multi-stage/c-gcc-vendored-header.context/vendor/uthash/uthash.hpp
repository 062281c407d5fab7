// A header-only hash table, C++ API; the C program includes none of it.
#pragma once
