# syntax=docker/dockerfile:1
FROM ubuntu:24.04
COPY <<'EOF' /etc/apt/apt.conf.d/10-recommends
APT {
  Install-Recommends "true";
};
EOF
RUN apt-get update && apt-get install -y texlive-latex-base && rm -rf /var/lib/apt/lists/*
WORKDIR /doc
CMD ["pdflatex", "main.tex"]
