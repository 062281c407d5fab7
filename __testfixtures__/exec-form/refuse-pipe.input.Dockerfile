FROM busybox
CMD echo 'test' | wc -
