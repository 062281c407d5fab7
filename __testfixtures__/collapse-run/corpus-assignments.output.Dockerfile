FROM amd64/buildpack-deps:jammy-curl AS chisel

RUN apt-get update && apt-get install -y file \
    && ( curl --fail --show-error --location --output chisel.tar.gz https://github.com/canonical/chisel/releases/download/v1.4.2/chisel_v1.4.2_linux_amd64.tar.gz \
    && chisel_sha384='8e5e8df4dc783dcfa827ca9990ba871af350738de67c51706b3c06bfd4725ab0edbddd9ad4110d1047ecfdc586f7dac6' \
    && echo "$chisel_sha384  chisel.tar.gz" | sha384sum -c - \
    && tar --gzip --extract --no-same-owner --file chisel.tar.gz --directory /usr/bin/ \
    && rm chisel.tar.gz \
    && curl --fail --show-error --location --output /usr/bin/chisel-wrapper https://raw.githubusercontent.com/canonical/rocks-toolbox/v1.2.0/chisel-wrapper \
    && chmod 755 /usr/bin/chisel-wrapper ) \
    && ( groupadd \
        --gid=1654 \
        app \
    && useradd --no-log-init \
        --uid=1654 \
        --gid=1654 \
        --shell /bin/false \
        app \
    && install --directory --mode 0755 --owner 1654 --group 1654 "/rootfs/home/app" \
    && mkdir --parents "/rootfs/etc" \
    && rootOrAppRegex='^\(root\|app\):' \
    && cat /etc/passwd | grep $rootOrAppRegex > "/rootfs/etc/passwd" \
    && cat /etc/group | grep $rootOrAppRegex > "/rootfs/etc/group" ) \
    && mkdir --parents /rootfs/var/lib/dpkg/ \
