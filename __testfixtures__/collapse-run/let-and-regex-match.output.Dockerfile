FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN ( let "JOBS=$(nproc)*2" ) && \
    echo "make -j${JOBS:-1}" > /jobs.txt && \
    ( [[ "$(uname -m)" =~ (x86_64|aarch64) ]] ) && \
    echo "arch=${BASH_REMATCH[1]:-none}" > /arch.txt
