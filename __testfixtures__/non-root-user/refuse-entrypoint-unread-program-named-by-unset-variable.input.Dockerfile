# The program is named with a variable no ENV sets: what runs is only known when the container starts.
FROM oraclelinux:8
ENTRYPOINT /usr/bin/$INITSH
