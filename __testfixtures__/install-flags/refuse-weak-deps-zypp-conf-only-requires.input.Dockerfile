FROM opensuse/leap:15.6
RUN sed -i 's/.*solver.onlyRequires.*/solver.onlyRequires = true/g' /etc/zypp/zypp.conf
RUN zypper -n in -y python311 && zypper clean -a
