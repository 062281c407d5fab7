FROM scratch
RUN sleep 0 & touch started
RUN touch next
RUN touch last && sleep 0 &
