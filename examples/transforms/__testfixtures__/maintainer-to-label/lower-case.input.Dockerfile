from alpine:3.20
maintainer ops@example.com
