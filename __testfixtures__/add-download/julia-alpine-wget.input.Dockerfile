FROM julia:1.9.4-alpine3.19
ADD https://github.com/JuliaBinaryWrappers/Ghostscript_jll.jl/releases/download/Ghostscript-v9.55.0%2B0/Ghostscript.v9.55.0.x86_64-linux-musl.tar.gz /tmp/gs.tar.gz
RUN mkdir -p /opt/gs && tar -xzf /tmp/gs.tar.gz -C /opt/gs && rm /tmp/gs.tar.gz
CMD ["julia"]
