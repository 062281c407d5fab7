# An image dockshift does not know: its zypp.conf may install recommended packages.
FROM ghcr.io/example/suse-base:15.6
RUN zypper --non-interactive refresh && \
    zypper --non-interactive in --no-recommends -y curl tar && \
    zypper --non-interactive install --no-recommends -y gzip && \
    zypper clean -a
