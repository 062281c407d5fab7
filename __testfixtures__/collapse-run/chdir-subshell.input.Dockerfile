# dash and busybox sh take chdir for cd
FROM alpine:3.19
RUN chdir /srv && touch ready
RUN touch done
