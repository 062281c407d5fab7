FROM scratch
RUN touch a
RUN touch b; false
RUN touch c
