# syntax=docker/dockerfile:1
FROM golang:1.22
WORKDIR /src
COPY . .
RUN <<EOF
#!/usr/bin/env python3
import subprocess
subprocess.run(["go", "build", "-o", "/usr/local/bin/app", "."], check=True)
EOF
CMD ["app"]
