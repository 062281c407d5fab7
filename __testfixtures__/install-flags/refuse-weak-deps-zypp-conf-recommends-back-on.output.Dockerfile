FROM opensuse/leap:15.6
RUN sed -i 's/^solver.onlyRequires.*/solver.onlyRequires = false/' /etc/zypp/zypp.conf
RUN zypper -n in -y texlive-latex && zypper clean -a
