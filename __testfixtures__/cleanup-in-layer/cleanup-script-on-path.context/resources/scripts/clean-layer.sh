#!/bin/bash
# Called at the end of each RUN: what a layer downloaded goes with it.
set +e
apt-get clean
rm -rf /tmp/* /var/tmp/* $HOME/.cache/*
rm -rf /var/lib/apt/lists/*
if [ -x "$(command -v conda)" ]; then
    conda clean --all -f -y
fi
if [ -x "$(command -v npm)" ]; then
    npm cache clean --force
fi
exit 0
