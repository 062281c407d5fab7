FROM scratch
RUN mkdir out && touch out/first
RUN set -eux; cd out; touch inside
RUN touch outside
RUN chmod 700 out
