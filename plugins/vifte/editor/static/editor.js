/* vifte's additions to Decap CMS (owner: the `config` part): problems at fields. */
