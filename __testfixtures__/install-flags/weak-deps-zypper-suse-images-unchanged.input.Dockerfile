# openSUSE's and SUSE's images set solver.onlyRequires = true in /etc/zypp/zypp.conf: zypper installs no recommended packages.
FROM registry.suse.com/bci/bci-base:15.6 AS builder
RUN zypper --non-interactive in -y gcc make && zypper clean -a

FROM opensuse/tumbleweed AS tools
RUN zypper -n in git && zypper clean -a

FROM opensuse/leap:15.6
RUN zypper --non-interactive refresh && \
    zypper --non-interactive in -y curl tar && \
    zypper clean -a
