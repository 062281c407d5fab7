import sys
print("store", sys.argv)
