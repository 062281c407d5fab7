FROM scratch
RUN mkdir out && \
    { set -eux; cd out; touch inside; }
RUN touch outside && \
    chmod 700 out
