FROM scratch
# make a folder
RUN mkdir -p data/logs
RUN \
    # a file in it
    printf 'x\n' > data/logs/x.log \
    # readable by the group only
    && chmod 640 data/logs/x.log
# done
RUN ls data/logs
