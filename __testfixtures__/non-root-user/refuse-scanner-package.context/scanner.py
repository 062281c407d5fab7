import sys

import nmap

scanner = nmap.PortScanner()
print(scanner.scan(sys.argv[1], arguments="-sS -O"))
