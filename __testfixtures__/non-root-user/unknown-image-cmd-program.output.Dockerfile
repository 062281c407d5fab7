FROM example/logshipper:5
COPY shipper.conf /
RUN useradd --system --user-group shipper
RUN touch /shipper.log
RUN chown shipper:shipper /shipper.log
USER shipper
CMD ["shipper", "-f", "/shipper.conf"]
