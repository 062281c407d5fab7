FROM debian
ADD check.sh main.sh /app/
HEALTHCHECK --interval=5s --timeout=3s --retries=3 \
  CMD /app/check.sh --quiet
CMD /app/main.sh