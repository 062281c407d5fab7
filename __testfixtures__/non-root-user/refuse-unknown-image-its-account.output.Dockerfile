FROM example/logshipper:5
COPY shipper.conf /
RUN touch /shipper.log
RUN chown shipper:shipper /shipper.log
CMD ["shipper", "-f", "/shipper.conf"]
